int main_host;
