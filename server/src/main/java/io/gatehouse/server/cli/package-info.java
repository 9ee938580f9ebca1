/** The {@code gatehouse} command line: {@code serve}, {@code policy}, {@code --version}, {@code --help}. */
package io.gatehouse.server.cli;
