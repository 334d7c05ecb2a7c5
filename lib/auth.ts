import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

// Staff sign-in. The claims handlers read (functions/shared/principal.ts) are
// `sub`, `custom:role`, `custom:facilities` and `cognito:groups`; only an
// administrator (AdminUpdateUserAttributes, with IAM credentials) may set the
// custom attributes, because the app client cannot write them.
//
// Custom attributes can never be removed or have their constraints changed once
// the pool exists, so the lengths below are generous on purpose.

export const ADMIN_GROUP = 'admin';

export class StaffAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly authorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are created by administrators only.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Plus tier, threat protection enforced: risk-based challenges and blocking of
      // compromised credentials for accounts that can read people's health records.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        role: new StringAttribute({ mutable: true, maxLen: 32 }),
        facilities: new StringAttribute({ mutable: true, maxLen: 2048 }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP only) by product decision so that staff can be onboarded at short notice; threat protection is ENFORCED on the Plus tier, so risky sign-ins are challenged or blocked.',
    });

    new UserPoolGroup(this, 'AdminGroup', {
      userPool: this.userPool,
      groupName: ADMIN_GROUP,
      description: 'Administrators: manage facilities, rooms and staff accounts for every facility.',
    });

    const standard = { email: true, emailVerified: true, fullname: true };
    this.client = this.userPool.addClient('WebClient', {
      // A browser cannot keep a secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      // Sign-in is SRP from the web form; no hosted UI, so no OAuth flows (CDK would
      // otherwise enable implicit and code grants with an example.com callback).
      disableOAuth: true,
      preventUserExistenceErrors: true,
      readAttributes: new ClientAttributes().withStandardAttributes(standard).withCustomAttributes('role', 'facilities'),
      // Deliberately without custom:role and custom:facilities: users cannot grant themselves access.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    // The web form sends the ID token: its `aud` is the client id and it carries the custom claims.
    this.authorizer = new HttpJwtAuthorizer('StaffJwt', this.userPool.userPoolProviderUrl, {
      jwtAudience: [this.client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });
  }
}
