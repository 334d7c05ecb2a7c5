// The one method of an SDK v3 client the adapters use, so tests can pass a fake
// transport for clients we do not own (SNS, Secrets Manager) without a network.
export interface SdkClient {
  send(command: unknown): Promise<unknown>;
}
