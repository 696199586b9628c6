namespace Consultation.Web.Infrastructure.Access;

/// <summary>401: the message needs a signed-in caller.</summary>
public sealed class NotSignedInException() : Exception("Sign in to do this.");

/// <summary>403: the caller is known but may not do this; the reason is safe to show them.</summary>
public sealed class AccessDeniedException(string reason) : Exception(reason);

/// <summary>404: the object does not exist, or the caller may not know that it does.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");
