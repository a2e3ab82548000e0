int main_plain;
