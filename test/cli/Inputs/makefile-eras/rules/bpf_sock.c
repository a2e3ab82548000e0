#include <bpf/compiler.h>

static unsigned int sock_value = 7;

/* With -D__fetch(X)=X this reads the value; without it, the address. */
unsigned int sock_fetch(void)
{
	unsigned long long wide = __fetch(sock_value);

	return (unsigned int)wide;
}
