// The insights key page: sends the key as a header, never in the address, and shows the HTML report in this tab.
document.getElementById('key-form').addEventListener('submit', async event => {
  'use strict';
  event.preventDefault();
  const key = document.getElementById('key').value;
  const response = await fetch('/admin/insights', { headers: { 'X-Api-Key': key, 'Accept': 'text/html' } });
  if (!response.ok) {
    document.getElementById('status').textContent = response.status === 401 ? 'That key is not right.' : 'Insights are unavailable (' + response.status + ').';
    return;
  }
  const page = await response.text();
  document.open();
  document.write(page);
  document.close();
});
