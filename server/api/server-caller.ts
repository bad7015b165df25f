import "server-only";
import { cache } from "react";
import { createRequestContext } from "./context";
import { createCaller } from "./root";

/** Server components read through the same procedures (and the same authorisation) as the browser. */
export const api = cache(async () => createCaller(await createRequestContext({ overHttp: false })));
