/** Loopback only, unless writes are protected: an open write API must never face a network by accident. */
export const checkListenPolicy = (config: { host: string; apiKey: string | null }): void => {
  const loopback = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/.test(config.host);
  if (!loopback && !config.apiKey) {
    throw new Error(`refusing to listen on ${config.host} without API_KEY: set API_KEY, or HOST=127.0.0.1`);
  }
};
