// Bundled into the Lambda functions IN PLACE OF @smithy/core/event-streams (an
// esbuild alias, lib/bundling.ts). Only operations with event-stream members load
// it (Kinesis, Bedrock, S3 Select...); DynamoDB, SNS and Secrets Manager have none,
// so this never runs, and the ~15 KB codec stays out of every bundle. If a future
// client needs event streams, the call fails loudly here instead of silently.

const unavailable = (): never => {
  throw new Error('Event streams are not bundled (lib/bundling.ts aliases @smithy/core/event-streams)');
};

export class EventStreamSerde {
  constructor() {
    unavailable();
  }
}

export const eventStreamSerdeProvider = unavailable;
