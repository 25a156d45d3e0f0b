// Interop driver: the providers' own npm packages sign or verify a webhook delivery, so the .NET tests
// (tests/WebhookReceiver.Tests/Interop) can judge WebhookReceiver's bytes against theirs.
//
//   node interop.mjs <package> sign   < request.json   -> prints {"headers":{...}} (and "url" when the SDK signs one)
//   node interop.mjs <package> verify < request.json   -> exit 0 valid, 1 invalid (the SDK's reason on stderr)
//   node interop.mjs <package> answer < request.json   -> prints what the SDK's receiver answers (zoom: {"statusCode","body"})
//
// request.json: { "secret", "body" (the exact body, UTF-8 text), "id", "timestamp" (Unix seconds), "url",
//                 "headers" {name: value}, "now" (Unix seconds, for SDKs that take the receiving time),
//                 "algorithm" (twilio: HMAC_SHA1 | HMAC_SHA256), "params" {name: value} (twilio form fields),
//                 "publicKey" (discord, sendgrid: the key the SDK verifies with) }
// Any other exit code (2) is a usage or SDK error, never a verdict.
import { createHash, createPrivateKey, sign as cryptoSign } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const header = (req, name) => {
  const key = Object.keys(req.headers ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : req.headers[key];
};

const lowerHeaders = (req) =>
  Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

const packages = {
  // stripe: Stripe's test header (t=,v1=) and constructEvent.
  stripe: {
    async sign(req) {
      const Stripe = require('stripe');
      const value = Stripe.webhooks.generateTestHeaderString({ payload: req.body, secret: req.secret, timestamp: req.timestamp });
      return { headers: { 'Stripe-Signature': value } };
    },
    async verify(req) {
      const Stripe = require('stripe');
      Stripe.webhooks.constructEvent(Buffer.from(req.body, 'utf8'), header(req, 'Stripe-Signature'), req.secret, 300, undefined, req.now * 1000);
    },
  },

  // svix: Svix's Webhook (svix-* headers when it signs; it verifies svix-* or webhook-*).
  svix: {
    async sign(req) {
      const { Webhook } = await import('svix');
      const signature = new Webhook(req.secret).sign(req.id, new Date(req.timestamp * 1000), req.body);
      return { headers: { 'svix-id': req.id, 'svix-timestamp': String(req.timestamp), 'svix-signature': signature } };
    },
    async verify(req) {
      const { Webhook } = await import('svix');
      new Webhook(req.secret).verify(req.body, lowerHeaders(req));
    },
  },

  // standardwebhooks: the Standard Webhooks reference library (webhook-* headers).
  standardwebhooks: {
    async sign(req) {
      const { Webhook } = require('standardwebhooks');
      const signature = new Webhook(req.secret).sign(req.id, new Date(req.timestamp * 1000), req.body);
      return { headers: { 'webhook-id': req.id, 'webhook-timestamp': String(req.timestamp), 'webhook-signature': signature } };
    },
    async verify(req) {
      const { Webhook } = require('standardwebhooks');
      new Webhook(req.secret).verify(req.body, lowerHeaders(req));
    },
  },

  // @octokit/webhooks-methods: GitHub's X-Hub-Signature-256 (sha256=<hex>).
  octokit: {
    async sign(req) {
      const { sign } = await import('@octokit/webhooks-methods');
      return { headers: { 'X-Hub-Signature-256': await sign(req.secret, req.body) } };
    },
    async verify(req) {
      const { verify } = await import('@octokit/webhooks-methods');
      if (!(await verify(req.secret, req.body, header(req, 'X-Hub-Signature-256') ?? '')))
        throw new Error('verify() returned false');
    },
  },

  // twilio: getExpectedTwilioSignature / validateRequest (form params) or validateRequestWithBody (JSON, bodySHA256);
  // "algorithm" HMAC_SHA256 or HMAC_SHA1 is the SharedKey signature (secret = the SharedKey secret).
  twilio: {
    async sign(req) {
      const twilio = require('twilio');
      let url = req.url;
      let params = req.params ?? {};
      if (req.params === undefined) {
        // A JSON body: Twilio signs the URL with bodySHA256 = hex SHA-256 of the body, and no parameters.
        const hash = createHash('sha256').update(Buffer.from(req.body, 'utf8')).digest('hex');
        url += (url.includes('?') ? '&' : '?') + 'bodySHA256=' + hash;
        params = {};
      }
      const signature = twilio.getExpectedTwilioSignature(req.secret, url, params, req.algorithm);
      const headers = { 'X-Twilio-Signature': signature };
      if (req.algorithm)
        headers['X-Twilio-Webhooks-Signature-Settings'] = `key=${req.sharedKeyId ?? 'webhooks_sharedkey_interop'},algorithm=${req.algorithm}`;
      return { headers, url };
    },
    async verify(req) {
      const twilio = require('twilio');
      const signature = header(req, 'X-Twilio-Signature') ?? '';
      const algorithm = twilio.getSignatureAlgorithm(header(req, 'X-Twilio-Webhooks-Signature-Settings'));
      const valid = req.params === undefined
        ? twilio.validateRequestWithBody(req.secret, signature, req.url, req.body, algorithm)
        : twilio.validateRequest(req.secret, signature, req.url, req.params, algorithm);
      if (!valid)
        throw new Error(`validateRequest${req.params === undefined ? 'WithBody' : ''} returned false (algorithm ${algorithm})`);
    },
  },

  // @slack/bolt: verifySlackRequest (v0= over v0:{timestamp}:{body}). Bolt has no signer.
  slack: {
    async verify(req) {
      const { verifySlackRequest } = require('@slack/bolt');
      verifySlackRequest({
        signingSecret: req.secret,
        body: req.body,
        headers: {
          'x-slack-signature': header(req, 'X-Slack-Signature'),
          'x-slack-request-timestamp': Number(header(req, 'X-Slack-Request-Timestamp')),
        },
        nowMilliseconds: req.now * 1000,
      });
    },
  },

  // square: WebhooksHelper.verifySignature (HMAC-SHA256 over {notification URL}{body}). No signer.
  square: {
    async verify(req) {
      const { WebhooksHelper } = require('square');
      const valid = await WebhooksHelper.verifySignature({
        requestBody: req.body,
        signatureHeader: header(req, 'x-square-hmacsha256-signature') ?? '',
        signatureKey: req.secret,
        notificationUrl: req.url,
      });
      if (!valid)
        throw new Error('WebhooksHelper.verifySignature returned false');
    },
  },

  // discord-interactions: verifyKey with the application's public key (hex). It has no signer: "sign" is node's
  // Ed25519 with the seed (the first 32 bytes of the secret's 64), to feed our receiver.
  discord: {
    async sign(req) {
      const seed = Buffer.from(req.secret, 'hex').subarray(0, 32);
      const key = createPrivateKey({ key: Buffer.concat([ed25519Pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
      const timestamp = String(req.timestamp);
      const signature = cryptoSign(null, Buffer.from(timestamp + req.body, 'utf8'), key).toString('hex');
      return { headers: { 'X-Signature-Ed25519': signature, 'X-Signature-Timestamp': timestamp } };
    },
    async verify(req) {
      const { verifyKey } = require('discord-interactions');
      const valid = await verifyKey(Buffer.from(req.body, 'utf8'), header(req, 'X-Signature-Ed25519') ?? '', header(req, 'X-Signature-Timestamp') ?? '', req.publicKey);
      if (!valid)
        throw new Error('verifyKey returned false');
    },
  },

  // @sendgrid/eventwebhook: EventWebhook.verifySignature with the verification key as SendGrid shows it (base64
  // SubjectPublicKeyInfo). It has no signer: "sign" is node's ECDSA P-256/SHA-256 (DER) with the PKCS#8 key.
  sendgrid: {
    async sign(req) {
      const key = createPrivateKey({ key: Buffer.from(req.secret, 'base64'), format: 'der', type: 'pkcs8' });
      const timestamp = String(req.timestamp);
      const signature = cryptoSign('sha256', Buffer.from(timestamp + req.body, 'utf8'), key).toString('base64');
      return { headers: { 'X-Twilio-Email-Event-Webhook-Signature': signature, 'X-Twilio-Email-Event-Webhook-Timestamp': timestamp } };
    },
    async verify(req) {
      const { EventWebhook } = require('@sendgrid/eventwebhook');
      const webhook = new EventWebhook();
      const key = webhook.convertPublicKeyToECDSA(req.publicKey);
      const valid = webhook.verifySignature(key, req.body, header(req, 'X-Twilio-Email-Event-Webhook-Signature') ?? '', header(req, 'X-Twilio-Email-Event-Webhook-Timestamp') ?? '');
      if (!valid)
        throw new Error('verifySignature returned false');
    },
  },

  // @paddle/paddle-node-sdk: Webhooks.isSignatureValid (ts=;h1= over {ts}:{body}, 5 s against the real clock). No signer.
  paddle: {
    async verify(req) {
      const { Paddle } = require('@paddle/paddle-node-sdk');
      const paddle = new Paddle('pdl_sdbx_apikey_interop_unused');
      if (!(await paddle.webhooks.isSignatureValid(req.body, req.secret, header(req, 'Paddle-Signature') ?? '')))
        throw new Error('isSignatureValid returned false');
    },
  },

  // @shopify/shopify-api: webhooks.validate (base64 HMAC-SHA256 of the body in X-Shopify-Hmac-SHA256, or in
  // shopify-hmac-sha256 for "Events" deliveries; it also requires the topic, shop domain, API version and webhook id
  // headers, and the event id for Events). "sign" is the package's test helper getHmac (@shopify/shopify-api/test-helpers).
  shopify: {
    async sign(req) {
      const { getHmac } = require('@shopify/shopify-api/test-helpers');
      return { headers: { 'X-Shopify-Hmac-SHA256': getHmac(req.body, req.secret) } };
    },
    verify: (req) => shopifyValidate(req),
  },
  'shopify-events': {
    async sign(req) {
      const { getHmac } = require('@shopify/shopify-api/test-helpers');
      return { headers: { 'shopify-hmac-sha256': getHmac(req.body, req.secret) } };
    },
    verify: (req) => shopifyValidate(req),
  },

  // @mux/mux-node: webhooks.verifySignature (Mux-Signature t=,v1= over {t}.{body}, 300 s against the real clock). Its
  // signer (computeSignature) is private.
  mux: {
    async verify(req) {
      const { default: Mux } = require('@mux/mux-node');
      const mux = new Mux({ tokenId: 'interop-unused', tokenSecret: 'interop-unused' });
      await mux.webhooks.verifySignature(req.body, lowerHeaders(req), req.secret);
    },
  },

  // @linear/sdk: LinearWebhookClient.parseData (hex HMAC-SHA256 of the body in linear-signature; the body's
  // webhookTimestamp within 60 s of the real clock). No signer.
  linear: {
    async verify(req) {
      const { LinearWebhookClient } = await import('@linear/sdk/webhooks');
      new LinearWebhookClient(req.secret).parseData(Buffer.from(req.body, 'utf8'), header(req, 'Linear-Signature') ?? '');
    },
  },

  // @hubspot/api-client: Signature.getSignature signs and Signature.isValid verifies, signature v3 (base64 HMAC-SHA256
  // over {method}{url}{body}{timestamp}, the timestamp in Unix milliseconds, 5 minutes against the real clock).
  hubspot: {
    async sign(req) {
      const { Signature } = require('@hubspot/api-client');
      const timestamp = req.timestamp * 1000;
      const signature = Signature.getSignature('POST', 'v3', { clientSecret: req.secret, requestBody: req.body, url: req.url, timestamp });
      return { headers: { 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': String(timestamp) } };
    },
    async verify(req) {
      const { Signature } = require('@hubspot/api-client');
      const valid = Signature.isValid({
        signatureVersion: 'v3',
        method: 'POST',
        clientSecret: req.secret,
        requestBody: req.body,
        url: req.url,
        signature: header(req, 'X-HubSpot-Signature-v3'),
        timestamp: Number(header(req, 'X-HubSpot-Request-Timestamp')),
      });
      if (!valid)
        throw new Error('Signature.isValid returned false');
    },
  },

  // @zoom/rivet: the AwsLambdaReceiver's handler (CommonHttpRequest.isEventVerified: v0= hex HMAC-SHA256 over
  // v0:{x-zm-request-timestamp}:{JSON.stringify(the parsed body)}) answers 200, or 400 when it does not verify. No signer.
  // "answer" prints what the receiver answers ({"statusCode", "body"}), e.g. to endpoint.url_validation.
  zoom: {
    async verify(req) {
      const response = await zoomReceive(req);
      if (response.statusCode !== 200)
        throw new Error(`the AwsLambdaReceiver answered ${response.statusCode}: ${response.body}`);
    },
    async answer(req) {
      const response = await zoomReceive(req);
      return { statusCode: response.statusCode, body: response.body };
    },
  },

  // box-node-sdk: WebhooksManager.validateMessage (base64 HMAC-SHA256 of {body}{box-delivery-timestamp} in
  // box-signature-primary / -secondary; box-signature-version 1 and box-signature-algorithm HmacSHA256 required; the
  // timestamp not in the future and at most maxAge, 10 minutes, old against the real clock). No signer.
  box: {
    async verify(req) {
      const { WebhooksManager } = require('box-node-sdk/lib/managers/webhooks');
      if (!(await WebhooksManager.validateMessage(req.body, lowerHeaders(req), req.secret, { maxAge: 600 })))
        throw new Error('WebhooksManager.validateMessage returned false');
    },
  },

  // @adyen/api-library: hmacValidator.validateHMAC for each NotificationRequestItem of the body (base64 HMAC-SHA256,
  // keyed with the hex HMAC key, of pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:
  // eventCode:success, in additionalData.hmacSignature). Its signer (calculateHmac) signs one item, not a delivery.
  adyen: {
    async verify(req) {
      const { hmacValidator: HmacValidator } = require('@adyen/api-library');
      const validator = new HmacValidator();
      const items = JSON.parse(req.body).notificationItems ?? [];
      if (items.length === 0)
        throw new Error('the notification has no notificationItems');
      for (const { NotificationRequestItem: item } of items) {
        if (!validator.validateHMAC(item, req.secret))
          throw new Error(`validateHMAC returned false for pspReference ${item.pspReference}`);
      }
    },
  },

  // @notionhq/client: signWebhookPayload signs and verifyWebhookSignature verifies (X-Notion-Signature: sha256=<hex>,
  // HMAC-SHA256 of the body keyed with the verification token).
  notion: {
    async sign(req) {
      const { signWebhookPayload } = require('@notionhq/client');
      return { headers: { 'X-Notion-Signature': await signWebhookPayload({ body: req.body, verificationToken: req.secret }) } };
    },
    async verify(req) {
      const { verifyWebhookSignature } = require('@notionhq/client');
      if (!(await verifyWebhookSignature({ body: req.body, signature: header(req, 'X-Notion-Signature'), verificationToken: req.secret })))
        throw new Error('verifyWebhookSignature returned false');
    },
  },

  // @twurple/eventsub-http (the most-used Twitch EventSub library; Twitch publishes none): the EventSubMiddleware's
  // _verifyData, which its request handler calls (hex HMAC-SHA256 over {message id}{timestamp}{body} in
  // Twitch-Eventsub-Message-Signature: sha256=…). No signer.
  twitch: {
    async verify(req) {
      const { EventSubMiddleware } = require('@twurple/eventsub-http');
      const middleware = new EventSubMiddleware({ apiClient: {}, hostName: 'localhost', pathPrefix: '/webhooks', secret: req.secret });
      const valid = middleware._verifyData(
        header(req, 'Twitch-Eventsub-Message-Id') ?? '',
        header(req, 'Twitch-Eventsub-Message-Timestamp') ?? '',
        req.body,
        header(req, 'Twitch-Eventsub-Message-Signature') ?? '');
      if (!valid)
        throw new Error('EventSubMiddleware._verifyData returned false');
    },
  },
};

// @zoom/rivet's AwsLambdaReceiver handling one delivery as a Lambda event.
const zoomReceive = async (req) => {
  const { AwsLambdaReceiver } = require('@zoom/rivet/meetings');
  const receiver = new AwsLambdaReceiver({ webhooksSecretToken: req.secret });
  const debug = console.debug;
  console.debug = () => {}; // the receiver logs the whole event (body and signature)
  try {
    return await receiver.start()({ body: req.body, headers: req.headers ?? {}, isBase64Encoded: false }, {});
  } finally {
    console.debug = debug;
  }
};

// @shopify/shopify-api's webhooks.validate through its web-api adapter (a Fetch Request).
const shopifyValidate = async (req) => {
  require('@shopify/shopify-api/adapters/web-api');
  const { shopifyApi, ApiVersion, LogSeverity } = require('@shopify/shopify-api');
  const shopify = shopifyApi({
    apiKey: 'interop-api-key',
    apiSecretKey: req.secret,
    hostName: 'localhost',
    apiVersion: ApiVersion.October25,
    isEmbeddedApp: false,
    logger: { level: LogSeverity.Error, log: () => {} },
  });
  const rawRequest = new Request(req.url, { method: 'POST', headers: req.headers ?? {}, body: req.body });
  const result = await shopify.webhooks.validate({ rawBody: req.body, rawRequest });
  if (!result.valid)
    throw new Error(`webhooks.validate: ${result.reason}${result.missingHeaders ? ` (missing ${result.missingHeaders.join(', ')})` : ''}`);
};

const readStdin = async () => {
  const chunks = [];
  for await (const chunk of process.stdin)
    chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
};

const [name, action] = process.argv.slice(2);
const pkg = packages[name];
if (!pkg || !['sign', 'verify', 'answer'].includes(action) || !pkg[action]) {
  console.error(`usage: node interop.mjs <${Object.keys(packages).join('|')}> <sign|verify|answer>` + (pkg && !pkg[action] ? ` (${name} cannot ${action})` : ''));
  process.exit(2);
}

let req;
try {
  req = JSON.parse(await readStdin());
} catch (e) {
  console.error(`the request on stdin is not JSON: ${e.message}`);
  process.exit(2);
}

if (action === 'sign' || action === 'answer') {
  try {
    process.stdout.write(JSON.stringify(await pkg[action](req)));
  } catch (e) {
    console.error(`${name} ${action} failed: ${e.stack ?? e}`);
    process.exit(2);
  }
} else {
  try {
    await pkg.verify(req);
  } catch (e) {
    // A missing module or a programming error is no verdict on the delivery.
    if (e?.code === 'MODULE_NOT_FOUND' || e?.code === 'ERR_MODULE_NOT_FOUND' || e instanceof TypeError || e instanceof ReferenceError || e instanceof SyntaxError) {
      console.error(`${name} verify failed: ${e.stack ?? e}`);
      process.exit(2);
    }
    console.error(`${name} rejected the delivery: ${e?.message ?? e}`);
    process.exit(1);
  }
}
