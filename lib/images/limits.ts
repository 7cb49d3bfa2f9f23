/**
 * Upload limits, apart from image-store.ts so the front door (server.ts, lib/http/body-limit.ts)
 * can bound upload bodies without loading sharp.
 */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Room for the multipart boundary and part headers around the file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
