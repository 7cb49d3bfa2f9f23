import 'next-auth';
import 'next-auth/jwt';

// What our Credentials provider returns and our session token carries (see options.ts).
declare module 'next-auth' {
  interface User {
    uid?: number;
    tv?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    tv?: number;
    /** Sign-in time (epoch ms): sessions end SESSION_MAX_AGE after it, however often refreshed. */
    since?: number;
    /** Session id set once at sign-in and kept across refreshes: what sign-out revokes. */
    sid?: string;
  }
}
