// Renders the official Web Chat client against the bot's own Direct Line endpoint on this origin.
(async function () {
  'use strict';

  const showError = (message) => {
    const element = document.getElementById('kfaq-error');
    element.textContent = message;
    element.hidden = false;
  };

  try {
    const settings = await (await fetch('webchat/settings.json', { cache: 'no-store' })).json();
    document.title = settings.title;
    document.getElementById('kfaq-title').textContent = settings.title;
    const clinic = document.getElementById('kfaq-clinic');
    clinic.textContent = settings.clinicName || '';
    clinic.hidden = !settings.clinicName;
    document.getElementById('kfaq-notice').textContent = settings.notice;
    document.documentElement.style.setProperty('--kfaq-accent', settings.accentColor);
    document.documentElement.style.setProperty('--kfaq-background', settings.backgroundColor);

    // A fresh conversation per page load: nothing from an earlier visit is shown again.
    const response = await fetch('v3/directline/conversations', { method: 'POST' });
    if (!response.ok) {
      throw new Error(response.status === 429 ? 'Too many new chats from this network; please wait a minute.' : 'The chat service is unavailable.');
    }

    const { token } = await response.json();
    const domain = new URL('v3/directline', document.baseURI).href.replace(/\/$/, '');

    window.WebChat.renderWebChat(
      {
        directLine: window.WebChat.createDirectLine({ token, domain, webSocket: false }),
        locale: settings.locale,
        styleOptions: {
          accent: settings.accentColor,
          backgroundColor: '#ffffff',
          bubbleBorderRadius: 8,
          bubbleFromUserBackground: '#e8f0f8',
          bubbleFromUserBorderRadius: 8,
          hideUploadButton: true,
          suggestedActionLayout: 'flow',
          sendTypingIndicator: false
        }
      },
      document.getElementById('webchat')
    );

    document.querySelector('#webchat input, #webchat textarea')?.focus();
  } catch (error) {
    showError(error instanceof Error ? error.message : 'The chat could not start.');
  }
})();
