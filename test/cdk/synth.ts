import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { expect } from 'vitest';
import { QuarantineDeskStack, type QuarantineDeskStackProps } from '../../lib/quarantine-desk-stack.js';

// Synth without esbuild (as in stack.test.ts): same template, other asset hashes;
// cdk-nag runs as a validation plugin, so every synth also fails on a finding.
export function synth(props: QuarantineDeskStackProps = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
  const stack = new QuarantineDeskStack(app, 'QuarantineDeskStack', props);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack, template: Template.fromStack(stack) };
}

export type Resource = { Properties: Record<string, any>; DependsOn?: string[] };
export type Statement = { Action: string | string[]; Resource: unknown; Condition?: Record<string, any>; Effect: string };

/** The Lambda whose description is `quarantine-desk <what>` (a handler, or `job <name> (<schedule>)`). */
export function lambdaOf(template: Template, what: string | RegExp): Resource {
  const fns = (Object.values(template.findResources('AWS::Lambda::Function')) as Resource[]).filter((f) =>
    typeof what === 'string' ? f.Properties.Description === `quarantine-desk ${what}` : what.test(f.Properties.Description),
  );
  expect(fns, String(what)).toHaveLength(1);
  return fns[0]!;
}

/**
 * Every IAM policy of the template as an AWS::IAM::Policy resource: the separate ones,
 * and the inline policies of roles (lib/handler-function.ts keeps a function's grants
 * inline), each naming its role in `Roles`.
 */
export function policiesOf(template: Template): Resource[] {
  const separate = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
  const inline = Object.entries(template.findResources('AWS::IAM::Role') as Record<string, Resource>).flatMap(([id, role]) =>
    ((role.Properties.Policies ?? []) as { PolicyName: string; PolicyDocument: unknown }[]).map((p) => ({ Properties: { PolicyName: p.PolicyName, PolicyDocument: p.PolicyDocument, Roles: [{ Ref: id }] } })),
  );
  return [...separate, ...inline];
}

/** Every statement of the policies attached to that Lambda's role. */
export function roleStatements(template: Template, what: string | RegExp): Statement[] {
  const roleId = lambdaOf(template, what).Properties.Role['Fn::GetAtt'][0] as string;
  return policiesOf(template)
    .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

export const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());
export const dynamoActions = (statements: Statement[]) => actionsOf(statements).filter((a) => a.startsWith('dynamodb:'));
