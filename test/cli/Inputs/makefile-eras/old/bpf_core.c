int main_core;
