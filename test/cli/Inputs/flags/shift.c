int shift(int x, int y)
{
	return x << y + 1;
}
