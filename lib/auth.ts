import { Aws, Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  OAuthScope,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

// Staff sign-in: Cognito managed login on the pool's domain, OAuth 2.0 code grant
// with PKCE from the staff page (no implicit grant), rotated refresh tokens that
// sign-out revokes. The claims handlers read (functions/shared/principal.ts) are
// `sub`, `custom:role`, `custom:facilities` and `cognito:groups`; only an
// administrator (AdminUpdateUserAttributes, with IAM credentials) may set the
// custom attributes, because the app client cannot write them.
//
// Custom attributes can never be removed or have their constraints changed once
// the pool exists, so the lengths below are generous on purpose.

export const ADMIN_GROUP = 'admin';

export interface StaffAuthProps {
  /** Where the staff page is served (https://...): its `/` is the sign-in callback and the logout URL. */
  webOrigin: string;
  /** Managed login domain prefix (<prefix>.auth.<region>.amazoncognito.com); default quarantine-desk-<account>. */
  domainPrefix?: string;
}

export class StaffAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly authorizer: HttpJwtAuthorizer;
  /** What the page's sign-in needs (functions/shared/auth-config.ts), for the web and auth-config Lambdas. */
  readonly webEnvironment: Record<string, string>;

  constructor(scope: Construct, id: string, props: StaffAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are created by administrators only.
      selfSignUpEnabled: false,
      // People sign in with the username an administrator gave them (the same locally);
      // a verified e-mail works too. Case-insensitive, as the local provider.
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
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
    const home = `${props.webOrigin.replace(/\/$/, '')}/`;
    this.client = this.userPool.addClient('WebClient', {
      // A browser cannot keep a secret: a public client, the code grant with PKCE (Cognito
      // requires a code_challenge from clients without a secret).
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE, OAuthScope.EMAIL],
        callbackUrls: [home],
        logoutUrls: [home],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      // Each refresh returns a new refresh token; the old one works for 10 more seconds (two tabs at once).
      refreshTokenRotationGracePeriod: Duration.seconds(10),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      readAttributes: new ClientAttributes().withStandardAttributes(standard).withCustomAttributes('role', 'facilities'),
      // Deliberately without custom:role and custom:facilities: users cannot grant themselves access.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    // Managed login (the newer pages, with Cognito's own branding) on a Cognito domain.
    this.domain = this.userPool.addDomain('ManagedLogin', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? Fn.join('-', ['quarantine-desk', Aws.ACCOUNT_ID]) },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    new CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.webEnvironment = {
      OIDC_ISSUER: this.userPool.userPoolProviderUrl,
      OIDC_CLIENT_ID: this.client.userPoolClientId,
      OIDC_DOMAIN_URL: this.domain.baseUrl(),
    };

    // The web form sends the ID token: its `aud` is the client id and it carries the custom claims.
    this.authorizer = new HttpJwtAuthorizer('StaffJwt', this.userPool.userPoolProviderUrl, {
      jwtAudience: [this.client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });
  }

  /**
   * The accounts administration function (and only it): the user pool's admin calls
   * functions/adapters/accounts-cognito.ts makes, on this pool alone, and its id.
   */
  grantAccountsAdmin(fn: IGrantable & { addEnvironment(name: string, value: string): unknown }): void {
    fn.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ACCOUNTS_ADMIN_ACTIONS.map((a) => `cognito-idp:${a}`),
        resources: [this.userPool.userPoolArn],
      }),
    );
    fn.addEnvironment('USER_POOL_ID', this.userPool.userPoolId);
  }
}

/** Exactly the calls of functions/adapters/accounts-cognito.ts. */
export const ACCOUNTS_ADMIN_ACTIONS = [
  'ListUsers',
  'AdminGetUser',
  'AdminCreateUser',
  'AdminUpdateUserAttributes',
  'AdminAddUserToGroup',
  'AdminRemoveUserFromGroup',
  'AdminDisableUser',
  'AdminEnableUser',
  'AdminUserGlobalSignOut',
  'AdminSetUserPassword',
] as const;
