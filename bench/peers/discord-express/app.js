// The Discord peer of the benchmark: what Discord's own example app does, with the official
// packages (express + discord-interactions). verifyKeyMiddleware checks the Ed25519 signature and
// answers PINGs itself; commands and component clicks get an inline response.
// Usage: node app.js [port] [publicKeyHex]   (or PORT / PUBLIC_KEY in the environment)
'use strict';

const express = require('express');
const {
  InteractionType,
  InteractionResponseType,
  InteractionResponseFlags,
  MessageComponentTypes,
  ButtonStyleTypes,
  verifyKeyMiddleware,
} = require('discord-interactions');

const port = Number(process.argv[2] || process.env.PORT || 3000);
const publicKey = process.argv[3] || process.env.PUBLIC_KEY;
if (!publicKey) {
  console.error('Set the application public key: node app.js <port> <publicKeyHex> or PUBLIC_KEY=...');
  process.exit(2);
}

const choices = ['rock', 'paper', 'scissors'];

const app = express();

app.get('/health', (req, res) => res.send('ok'));

app.post('/interactions', verifyKeyMiddleware(publicKey), (req, res) => {
  const { type, data, member, user } = req.body;
  const who = (member && member.user && member.user.id) || (user && user.id) || 'someone';

  if (type === InteractionType.APPLICATION_COMMAND) {
    // A slash command answers with a message and a row of buttons, as the example's challenge does.
    return res.send({
      type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE,
      data: {
        content: `<@${who}> used /${data.name}`,
        components: [
          {
            type: MessageComponentTypes.ACTION_ROW,
            components: choices.map((c) => ({
              type: MessageComponentTypes.BUTTON,
              custom_id: `pick_${c}`,
              label: c,
              style: ButtonStyleTypes.PRIMARY,
            })),
          },
        ],
      },
    });
  }

  if (type === InteractionType.MESSAGE_COMPONENT) {
    // A click gets a private channel message naming the choice; like the example app, nothing is stored.
    const picked = (data.values && data.values[0]) || data.custom_id;
    return res.send({
      type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE,
      data: { content: `<@${who}> picked ${picked}`, flags: InteractionResponseFlags.EPHEMERAL },
    });
  }

  return res.status(400).json({ error: 'unknown interaction type' });
});

app.listen(port, '127.0.0.1', () => console.log(`discord peer listening on 127.0.0.1:${port}`));
