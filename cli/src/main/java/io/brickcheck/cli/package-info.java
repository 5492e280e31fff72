/**
 * Not API: the {@code check} command line, which reads a profile from any source and prints its
 * problems and status as text or JSON. Nothing here is exported.
 */
package io.brickcheck.cli;
