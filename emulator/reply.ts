/**
 * What a vendor API hands back to the HTTP layer. Vendors never touch sockets; the server turns
 * a reply into bytes (or into a destroyed connection).
 */
export type EmulatorReply =
  /** A JSON answer. */
  | { kind: "json"; status: number; body: unknown; headers?: Record<string, string> }
  /** Exact bytes with a content type, e.g. an HTML error page or deliberately broken JSON. */
  | { kind: "raw"; status: number; contentType: string; body: string }
  /** Destroy the connection without answering. */
  | { kind: "drop" };
