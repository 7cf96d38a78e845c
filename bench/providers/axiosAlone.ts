/**
 * The floors of any client built on our two dependencies: providers that load axios (as ours
 * does, inside the method) and send one unsigned POST to the emulator's Tencent endpoint, with no
 * signing — one parses nothing, the other also loads zod's lightest entry (`zod/v3`, 8–10 ms to
 * load where `zod`, `zod/mini` and `zod/v4/core` take 36–50: every zod 4 entry loads all its
 * locales) and parses the answer with one small schema. What they add to the host says how much
 * of a cold start no client on axios and zod can avoid.
 */
async function postOnce(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const axios: typeof import("axios").default = require("axios");
  const res = await axios.request<string>({
    method: "POST",
    url: process.env.TENCENTCLOUD_ENDPOINT,
    data: "{}",
    headers: { "Content-Type": "application/json" },
    responseType: "text",
    validateStatus: () => true,
  });
  return res.data;
}

/** axios alone: one POST. */
export const axiosAloneProvider = {
  async read(id: string, props: object) {
    return { id, props: { ...props, status: (await postOnce()).length > 0 ? "answered" : "empty" } };
  },
};

/** axios and zod's lightest entry: one POST, its answer parsed. */
export const axiosZodFloorProvider = {
  async read(id: string, props: object) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { z }: typeof import("zod/v3") = require("zod/v3");
    const answer = z
      .object({ Response: z.object({ RequestId: z.string() }).passthrough() })
      .parse(JSON.parse(await postOnce()));
    return { id, props: { ...props, status: answer.Response.RequestId ? "answered" : "empty" } };
  },
};
