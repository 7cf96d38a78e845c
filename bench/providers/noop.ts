/** A provider that makes no call: the host's own start-up, the baseline of the cold-start figure. */
export const noopProvider = {
  async read(id: string, props: object) {
    return { id, props };
  },
};
