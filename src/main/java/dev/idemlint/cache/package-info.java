/**
 * The result cache ({@code .idemlint_cache/}). In: a lint target, the linter that would lint it and
 * what it found. Out: a versions tree's findings, read back when nothing that decides them changed.
 * An entry is keyed by everything the findings depend on (the bytes and paths of every file of the
 * tree, the settings, the config, the naming convention, the rules run, the tool's build), hashed
 * under a secret key bound to the cache directory's own key file into the entry's name, and carries a
 * checksum, so an entry that was not written here (a pull request can commit a crafted cache) or was
 * damaged is a miss, never a result. Knows no reporter
 * and no command line.
 */
package dev.idemlint.cache;
