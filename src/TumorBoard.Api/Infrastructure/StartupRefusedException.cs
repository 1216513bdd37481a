namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// A configuration the service must not run with (no database named in production, no token signing key).
/// Program prints only the message, which says what to set, and exits with code 1.
/// </summary>
public sealed class StartupRefusedException(string message) : Exception(message);
