/// An error Opine says in one line that names what went wrong and what to do.
///
/// Every module's error type conforms; the CLI (and a server) print `description` as it is,
/// exit 2, and treat any other error as unexpected (still one line, never a dump).
public protocol OpineError: Error, CustomStringConvertible {}
