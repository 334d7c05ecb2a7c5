import { Validations } from 'aws-cdk-lib';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

// The two services behind ports (functions/ports/): the labs' shared secrets and the
// reminder topic. Only the function that needs one gets its name and permission.
export class Integrations extends Construct {
  /** JSON {"<labId>": "<secret>"}; labs are added by updating it (see README). */
  readonly labSecrets: Secret;
  /** Reminders; staff subscribe by e-mail or SMS, filtered by facilityId/urgent attributes. */
  readonly reminderTopic: Topic;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.labSecrets = new Secret(this, 'LabSecrets', {
      description: 'quarantine-desk lab webhook secrets: JSON {"<labId>": "<shared secret>"}',
      secretObjectValue: {},
    });
    Validations.of(this.labSecrets).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Shared HMAC secrets agreed with each lab: rotation needs the lab to change its signer at the same time, so it is done by hand (README) rather than by a rotation Lambda that would break the webhook.',
    });
    this.reminderTopic = new Topic(this, 'Reminders', {
      displayName: 'quarantine-desk reminders',
      enforceSSL: true,
      // The AWS-managed key: e-mail and SMS subscriptions work without a key policy of ours.
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
  }

  grantLabSecrets(fn: IGrantable & { addEnvironment(name: string, value: string): unknown }): void {
    this.labSecrets.grantRead(fn);
    fn.addEnvironment('LAB_SECRETS_ARN', this.labSecrets.secretArn);
  }

  grantReminders(fn: IGrantable & { addEnvironment(name: string, value: string): unknown }): void {
    this.reminderTopic.grantPublish(fn);
    // Reminders to the person (a missed report) are SMS published straight to their number:
    // SNS has no resource ARN for a phone number, so this one statement cannot be scoped.
    fn.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    fn.addEnvironment('TOPIC_ARN', this.reminderTopic.topicArn);
  }
}
