import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyDocument, Role, ServicePrincipal, type AddToPrincipalPolicyResult, type PolicyStatement, type RoleProps } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TableAccess } from '../functions/routes.js';
import { BUNDLE_ALIASES, BUNDLE_INJECT, BUNDLE_TARGET, ESM_REQUIRE_BANNER, MAIN_FIELDS } from './bundling.js';
import { copyFilesHooks, type CopyFile } from './copy-files.js';
import { handlerEntry, LOCK_FILE, PROJECT_ROOT } from './project-paths.js';
import { tableStatements } from './table-access.js';

// One Lambda for one file under functions/handlers/, with everything it needs
// around it: its own role (no managed policies: it can write to its log group
// and nothing else until granted more) and a log group shared with the other
// functions of its kind (lib/function-logs.ts).

export interface HandlerFunctionProps {
  handler: string;
  memoryMb: number;
  timeoutSeconds: number;
  /** The standard environment every function reads (functions/shared/config.ts). */
  environment: Record<string, string>;
  /** Shared by functions of one kind; Lambda names each stream after its function. */
  logGroup: ILogGroup;
  extraEnvironment?: Readonly<Record<string, string>>;
  copyFiles?: readonly CopyFile[];
  /** Asynchronous invocations (jobs): failed events land here after the retries. */
  deadLetterQueue?: IQueue;
  description?: string;
  /** Reserved concurrency: both a cap (a flood cannot take the account's pool) and a guarantee. */
  reservedConcurrency?: number;
}

/**
 * A role whose grants live in one inline policy instead of a separate AWS::IAM::Policy
 * resource: with ~70 functions, one resource fewer each keeps the stack under
 * CloudFormation's 500-resource limit. The statements are the same.
 */
class InlinePolicyRole extends Role {
  private readonly access: PolicyDocument;

  constructor(scope: Construct, id: string, props: RoleProps) {
    const access = new PolicyDocument();
    super(scope, id, { ...props, inlinePolicies: { ...props.inlinePolicies, access } });
    this.access = access;
  }

  override addToPrincipalPolicy(statement: PolicyStatement): AddToPrincipalPolicyResult {
    this.access.addStatements(statement);
    return { statementAdded: true, policyDependable: this };
  }
}

export class HandlerFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    const entry = handlerEntry(props.handler);
    for (const name of Object.keys(props.extraEnvironment ?? {})) {
      if (name in props.environment) throw new Error(`Handler ${props.handler}: extra environment may not redefine ${name}`);
    }

    const { logGroup } = props;
    this.role = new InlinePolicyRole(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `quarantine-desk ${props.handler}`,
    });
    // Instead of AWSLambdaBasicExecutionRole (logs:* on every log group): this group only.
    logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: LOCK_FILE,
      description: props.description ?? `quarantine-desk ${props.handler}`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: Duration.seconds(props.timeoutSeconds),
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup,
      environment: { ...props.environment, ...props.extraEnvironment },
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue, retryAttempts: 2 } : {}),
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      bundling: {
        // Local esbuild only: there is no Docker engine on build machines.
        forceDockerBundling: false,
        minify: true,
        sourceMap: true,
        // Stack traces need the mappings, not a second copy of the sources.
        sourcesContent: false,
        format: OutputFormat.ESM,
        target: BUNDLE_TARGET,
        mainFields: MAIN_FIELDS,
        charset: Charset.UTF8,
        banner: ESM_REQUIRE_BANNER,
        // Stack traces mapped to our sources, the map read only when one is printed.
        inject: [...BUNDLE_INJECT],
        // The AWS SDK is bundled, not taken from the runtime: the function then runs the
        // exact @aws-sdk/* versions package-lock.json pins and the tests ran against
        // (client-dynamodb and lib-dynamodb must match), not whatever the runtime ships
        // that month, and it starts faster: importing the SDK from node_modules costs
        // ~4x the cold import of the same handler bundled (bench/results.md).
        bundleAwsSDK: true,
        externalModules: [],
        // Lambda-only stand-ins for SDK modules that cannot run there (lib/bundling.ts).
        esbuildArgs: { '--alias': Object.entries(BUNDLE_ALIASES).map(([from, to]) => `${from}=${to}`) },
        ...(props.copyFiles?.length ? { commandHooks: copyFilesHooks(props.copyFiles) } : {}),
      },
    });

    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is pinned on purpose (the design card): the code is kept Node 20 compatible and its tests run on Node 20; moving to a newer runtime is a deliberate change, not one cdk-nag should force.',
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Added by `tracing: ACTIVE` for xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions; besides, only deliver-reminders has one: sns:Publish for SMS to a phone number (a direct publish has no resource ARN).',
    });
  }

  /** Least privilege on the table, as the route table declares it (lib/table-access.ts); no other DynamoDB permission exists. */
  grantTable(table: ITable, access: TableAccess, deletes: boolean): void {
    for (const statement of tableStatements(table, access, deletes)) this.role.addToPrincipalPolicy(statement);
  }
}
