// The Teams peer of the benchmark: Microsoft's JavaScript Bot Framework SDK (botbuilder 4.23) with
// a CloudAdapter, answering Action.Execute (adaptiveCard/action) invokes with an adaptive card.
// Inbound tokens are validated as in production, except that the channel's OpenID metadata comes
// from the benchmark's loopback server instead of login.botframework.com.
// Usage: node index.js [port] [appId] [openIdMetadataUrl]
//        (or PORT / MICROSOFT_APP_ID / OPENID_METADATA_URL in the environment)
'use strict';

const express = require('express');
const {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsActivityHandler,
  CardFactory,
} = require('botbuilder');

const port = Number(process.argv[2] || process.env.PORT || 3978);
const appId = process.argv[3] || process.env.MICROSOFT_APP_ID;
const metadataUrl = process.argv[4] || process.env.OPENID_METADATA_URL;
if (!appId || !metadataUrl) {
  console.error('usage: node index.js <port> <appId> <openIdMetadataUrl>');
  process.exit(2);
}

// Setting any of the parameterised values makes botbuilder take all of them from here: the public
// cloud's values, with only the channel's metadata URL pointing at the benchmark.
const auth = new ConfigurationBotFrameworkAuthentication({
  MicrosoftAppId: appId,
  MicrosoftAppPassword: process.env.MICROSOFT_APP_PASSWORD || 'bench-secret',
  MicrosoftAppType: 'MultiTenant',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
  CallerId: 'urn:botframework:azure',
});
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
  console.error(`turn error: ${error && error.message}`);
};

class AnswerBot extends TeamsActivityHandler {
  // Action.Execute: answer with a card saying what this person chose, as a quiz card refresh would.
  async onAdaptiveCardInvoke(context, invokeValue) {
    const data = (invokeValue && invokeValue.action && invokeValue.action.data) || {};
    const name = (context.activity.from && context.activity.from.name) || 'you';
    const card = CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.4',
      body: [
        { type: 'TextBlock', text: 'Question', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: `${name}, your answer: ${data.answer || data.value || '?'}`, wrap: true },
      ],
    });
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content };
  }
}
const bot = new AnswerBot();

const app = express();
app.use(express.json({ limit: '1mb' }));
app.get('/health', (req, res) => res.send('ok'));
app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
app.listen(port, '127.0.0.1', () => console.log(`teams peer listening on 127.0.0.1:${port}`));
