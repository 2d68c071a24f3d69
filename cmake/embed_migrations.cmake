# Turns migrations/sqlite/NNNN_name.sql into a C array so that the daemon carries
# its schema inside the binary: no install path to get wrong, and "a
# database newer than this binary" is a question the binary can answer.
#
# Inputs: SRC_DIR (folder of .sql files), OUT (the .c file to write), VAR
# (the array's name; default migrate_builtin).
if(NOT VAR)
  set(VAR migrate_builtin)
endif()
file(GLOB files RELATIVE "${SRC_DIR}" "${SRC_DIR}/[0-9][0-9][0-9][0-9]_*.sql")
list(SORT files)
get_filename_component(dir "${SRC_DIR}" NAME)
set(body "/* Generated from migrations/${dir}/ by cmake/embed_migrations.cmake. */\n")
string(APPEND body "#include \"store/migrate.h\"\n\n")
set(rows "")
set(n 0)
foreach(f ${files})
  string(REGEX MATCH "^([0-9]+)_(.*)\\.sql$" _ "${f}")
  set(num "${CMAKE_MATCH_1}")
  string(REGEX REPLACE "^0+" "" num "${num}")
  file(READ "${SRC_DIR}/${f}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
  string(APPEND body "static const char ${VAR}_${n}[] = {${hex}0x00};\n")
  string(APPEND rows "  {${num}, \"${f}\", ${VAR}_${n}},\n")
  math(EXPR n "${n} + 1")
endforeach()
string(APPEND body "\nconst struct migration ${VAR}[] = {\n${rows}  {0, NULL, NULL}\n};\n")
file(WRITE "${OUT}.tmp" "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")
