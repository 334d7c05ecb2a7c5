import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { TableAccess } from '../functions/routes.js';
import { documentKeys } from '../functions/entities/document.js';
import { INDEXES } from '../functions/shared/table-design.js';

// The table permissions a function gets, from what its routes declare in
// functions/routes.ts (TableAccess, `deletes`). Written out action by action
// instead of CDK's grantReadData/grantReadWriteData, which include Scan,
// DescribeTable and the stream actions: nothing here may Scan.
// Transactions need the action of each item they hold (Put, Update, Delete,
// ConditionCheck); TransactWriteItems has no permission of its own.

export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
export const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'] as const;
export const DELETE_ACTION = 'dynamodb:DeleteItem';

/** `DOCUMENT#*`: the partition keys of document items, from their key builder. */
export const DOCUMENT_KEY_PATTERN = `${documentKeys.key('').PK}*`;

const ORDER: readonly TableAccess[] = ['none', 'documents-read', 'read', 'write'];

/** The wider of two accesses (a handler serving several routes needs what each of them needs). */
export function widerAccess(a: TableAccess, b: TableAccess): TableAccess {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

export function tableStatements(table: ITable, access: TableAccess, deletes: boolean): PolicyStatement[] {
  if (deletes && access !== 'write') throw new Error(`A handler that deletes needs table access 'write', not '${access}'`);
  if (access === 'none') return [];
  if (access === 'documents-read') {
    // Public verification and download: one GetItem on a document item; any other
    // partition (stays, people, rooms) is refused by IAM whatever the code asks.
    return [
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:GetItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [DOCUMENT_KEY_PATTERN] } },
      }),
    ];
  }
  const actions = [...READ_ACTIONS, ...(access === 'write' ? WRITE_ACTIONS : []), ...(deletes ? [DELETE_ACTION] : [])];
  // Indexes are named one by one (no `index/*`): the set is fixed by table-design.ts.
  const indexArns = INDEXES.map((i) => `${table.tableArn}/index/${i.name}`);
  return [
    new PolicyStatement({ effect: Effect.ALLOW, actions, resources: [table.tableArn] }),
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['dynamodb:Query'], resources: indexArns }),
  ];
}
