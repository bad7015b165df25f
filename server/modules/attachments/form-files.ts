import type { IncomingFile } from "./validate";

/**
 * The files a multipart form sent under one name. A file input left empty still sends one
 * nameless, empty part: that is no file.
 */
export async function filesFromForm(form: FormData, name = "files"): Promise<IncomingFile[]> {
  return Promise.all(
    form
      .getAll(name)
      .filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f && !(f.size === 0 && f.name === ""))
      .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}
