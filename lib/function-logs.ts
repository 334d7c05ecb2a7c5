import { RemovalPolicy } from 'aws-cdk-lib';
import { LogGroup, RetentionDays, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { pascalCase } from './route-plan.js';

export type FunctionKind = 'staff' | 'open' | 'jobs';

// One log group per kind of function instead of one per function: with ~80
// functions, their log groups alone took 80 of CloudFormation's 500 resources a
// stack may hold. Lambda names each stream in a shared group
// YYYY/MM/DD/<function name>[<version>]<environment id>, so a function's logs
// are still told apart; Logs Insights filters by @logStream. The kinds split
// along who can call: staff (signed in), open (public pages and the lab
// webhook: the first place to look after a flood) and scheduled jobs.
export class FunctionLogs extends Construct {
  private readonly groups = new Map<FunctionKind, LogGroup>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  of(kind: FunctionKind): ILogGroup {
    let group = this.groups.get(kind);
    if (!group) {
      group = new LogGroup(this, pascalCase(kind), {
        retention: RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      this.groups.set(kind, group);
    }
    return group;
  }
}
