/* File ids the drop notifications carry (Cilium's __MAGIC_FILE__ scheme). */
#ifndef SOURCE_NAMES_TO_IDS_H
#define SOURCE_NAMES_TO_IDS_H

#define _strcase_(id, known_name) do {				\
	if (!__builtin_strcmp(header_name, known_name))		\
		return id;					\
	} while (0)

static __always_inline int
__source_file_name_to_id(const char *const header_name)
{
	_strcase_(3, "datapath.c");
	_strcase_(101, "notify.h");
	return 0;
}

#undef _strcase_

#endif /* SOURCE_NAMES_TO_IDS_H */
