// Account pages run in the browser only: they talk to the API with the session cookie.
export const ssr = false;
