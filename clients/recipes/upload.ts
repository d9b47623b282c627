// An upload from the editors' tools with urql: a File in the variables makes
// urql send a GraphQL multipart request. Multipart is a "simple" request that a
// hostile page could make a browser send, so the server wants the CSRF header
// (x-graphql-yoga-csrf) or an Authorization header on it; send both. Run
// against a real server by tests/client-recipes.test.ts; docs/clients.md
// quotes the region.
// #region upload
import { Client, fetchExchange } from "@urql/core";
import { UploadMediaDocument } from "../generated/graphql";

export async function uploadImage(url: string, token: string, file: File, caption: string) {
  const client = new Client({
    url,
    exchanges: [fetchExchange],
    fetchOptions: { headers: { authorization: `Bearer ${token}`, "x-graphql-yoga-csrf": "1" } },
  });
  const { data, error } = await client.mutation(UploadMediaDocument, { file, description: caption }).toPromise();
  // Refused formats and sizes are BAD_USER_INPUT with extensions.fields = ["file"].
  if (error) throw error;
  return data!.uploadMedia; // { id, kind, url, width, height, ... }
}
// #endregion upload
