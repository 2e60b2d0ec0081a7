// The HTTP Basic Authorization header value (RFC 7617, UTF-8), for the clients, the simulators and
// the web process's own checks alike.
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
