// The WebAPI fails with an internal error on a raw '%' inside a JSON string (DESIGN §2). In JSON
// text '%' can only occur inside strings, so replacing every one with the escape \u0025 is safe:
// any JSON parser reads it back as '%'.
export function encodeJsonBody(value: unknown): string {
  return JSON.stringify(value).replaceAll('%', '\\u0025');
}
