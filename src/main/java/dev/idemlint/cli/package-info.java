/**
 * Command line. In: arguments. Out: reports, exit codes, written fixes. picocli types stop here;
 * everything else is called through the earlier stages' APIs.
 */
package dev.idemlint.cli;
