/**
 * The HTTP statuses of the local cloud: one table for the function gateway (`POST /fn/<name>`) and
 * the database emulator (`POST /admin`). A status says what happened to the HTTP request; the body
 * always says it again in the endpoint's own shape, so a client that ignores statuses (Taro.request,
 * the SDK) still gets a clear error.
 *
 * | what happened                                  | status | gateway body: `{ ok: false, error }` | database body: `{ requestId, code, message }` |
 * | ---------------------------------------------- | ------ | ------------------------------------ | --------------------------------------------- |
 * | the call ran, whatever its outcome             | 200    | the function's own envelope          | the result, or a business error (see below)   |
 * | body is not JSON (or, for the database, not an object) | 400 | INVALID_REQUEST                 | INVALID_PARAM                                 |
 * | no such function / path                        | 404    | UNKNOWN_ACTION                       | NOT_FOUND (db/server.ts, standalone only)     |
 * | method other than POST                         | 405    | INVALID_REQUEST                      | INVALID_PARAM                                 |
 * | body over the limit (gateway 1 MiB, db 32 MiB) | 413    | REQUEST_TOO_LARGE                    | INVALID_PARAM                                 |
 * | the function threw (a bug: it must answer)     | 500    | INTERNAL                             | DATABASE_REQUEST_FAILED (writing the answer failed) |
 *
 * A too-large body is read to its end and thrown away before the answer is sent (readBody.ts), so
 * the client, still sending, is not reset and receives the 413.
 *
 * Business errors stay 200 on both: a function's catalogue errors are part of its envelope (in
 * production there is no HTTP status at all, `callFunction` hands back the result), and the database
 * answers them as CloudBase does, `{ code, message }` with 200, because @cloudbase/node-sdk only reads
 * the body of a 200 and turns any other status into a numeric code with a generic message
 * (db/errors.ts). Malformed or oversized requests never come from the SDK, so their 4xx costs it nothing.
 * Cloud storage's files (/storage/cos/, storage/localStorage.ts) answer as COS does, with an XML
 * `<Error>`: 403 for a missing, wrong or expired signature (the bucket is private), 404 for no such
 * file, 413 for a file over its limit.
 * Outside the API, the H5 files answer 405 to anything but GET and HEAD (localCloud.ts).
 */
export const HttpStatus = {
  ok: 200,
  malformed: 400,
  forbidden: 403,
  notFound: 404,
  wrongMethod: 405,
  tooLarge: 413,
  internal: 500,
} as const;
