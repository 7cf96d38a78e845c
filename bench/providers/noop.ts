/** A provider that makes no call: the host's own start-up, the baseline of the cold-start figure. */
export const noopProvider = {
  async create() {
    return { id: "noop", outs: { ok: true } };
  },
};
