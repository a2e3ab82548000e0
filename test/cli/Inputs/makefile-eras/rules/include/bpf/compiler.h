/* A value the loader writes into the object: its address by default. */
#ifndef __fetch
# define __fetch(X)	(unsigned long long)(&(X))
#endif
