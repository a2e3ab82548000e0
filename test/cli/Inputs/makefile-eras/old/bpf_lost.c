int main_lost;
