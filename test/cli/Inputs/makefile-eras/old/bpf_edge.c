int main_edge;
