// The preview recomputed on a scenario change, on a large tenant: the deployment mode switched
// with the arrow keys between User-driven and Self-deploying, timed until the result's headline
// says the new answer (a different number of blocking apps), and on the same clock until the
// details below it (the phases: account setup's table comes or goes) show the new scenario too.
import { test, expect } from '../fixtures/guard';
import { PreviewPage } from '../fixtures/preview_page';
import { ProfilesPage } from '../fixtures/profiles_page';
import { installProbe, summarizeTimings, timeInputUntil, type Timing } from '../fixtures/speed_probe';
import { SIZE, largeTenant, record } from '../fixtures/speed_report';

test.describe('preview recompute on a scenario change', () => {
  test('mode switched by keyboard, until the new result is painted', async ({ page }) => {
    await installProbe(page);
    await new ProfilesPage(page).seed(largeTenant());
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario('Measured');
    await page.getByRole('searchbox', { name: 'Search device groups' }).fill('Group 3');
    await preview.deviceGroup('Group 3').check();
    await page.getByRole('searchbox', { name: 'Search user groups' }).fill('Group 2501');
    await preview.userGroup('Group 2501').check();
    const headline = preview.result.getByText(/ applies, via /);
    await expect(headline).toHaveText(/^Profile 19 applies, via device\. \d+ apps block\./);
    const userDriven = await headline.innerText();
    const mode = page.getByRole('group', { name: 'Deployment mode' });
    await mode.getByRole('radio', { name: 'User-driven' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(mode.getByRole('radio', { name: 'Self-deploying' })).toBeChecked();
    await expect(headline).not.toHaveText(userDriven);
    const selfDeploying = await headline.innerText();
    await page.keyboard.press('ArrowUp');
    await expect(headline).toHaveText(userDriven);

    const noAccountSetup = 'There is no account setup: self-deploying has no user.';
    const changes: Timing[] = [];
    const details: Timing[] = [];
    for (let change = 0; change < SIZE.scenarioChanges; change++) {
      const down = change % 2 === 0;
      const [outcome, phases] = await timeInputUntil(
        [
          { target: preview.result, until: { text: down ? selfDeploying : userDriven } },
          { target: preview.phases, until: { text: noAccountSetup, absent: !down } },
        ],
        () => page.keyboard.press(down ? 'ArrowDown' : 'ArrowUp'),
      );
      changes.push(outcome);
      details.push(phases);
    }
    const last = SIZE.scenarioChanges % 2 === 1 ? 'Self-deploying' : 'User-driven';
    await expect(mode.getByRole('radio', { name: last })).toBeChecked();
    await expect(headline).toHaveText(last === 'User-driven' ? userDriven : selfDeploying);
    const change = summarizeTimings(changes);
    const settled = summarizeTimings(details);
    record('previewRecompute', { change, details: settled, results: { userDriven, selfDeploying } });
    console.log('preview recompute', JSON.stringify(change));
    console.log('preview details', JSON.stringify(settled));
  });
});
