import * as assert from 'node:assert/strict';
import { defaultDataDirectory } from '../../../src/node/journal/dataDirectory';

describe('journal: default data directory (VS Code globalStorage of hands-on-dev.hands-on)', () => {
  it('Linux: ~/.config, or XDG_CONFIG_HOME', () => {
    assert.equal(defaultDataDirectory({}, 'linux', '/home/ada'), '/home/ada/.config/Code/User/globalStorage/hands-on-dev.hands-on');
    assert.equal(defaultDataDirectory({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ada'), '/cfg/Code/User/globalStorage/hands-on-dev.hands-on');
  });

  it('macOS: ~/Library/Application Support', () => {
    assert.equal(defaultDataDirectory({}, 'darwin', '/Users/ada'), '/Users/ada/Library/Application Support/Code/User/globalStorage/hands-on-dev.hands-on');
  });

  it('Windows: %APPDATA%, or the roaming folder of the profile', () => {
    assert.equal(defaultDataDirectory({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada'), 'C:\\Users\\ada\\AppData\\Roaming\\Code\\User\\globalStorage\\hands-on-dev.hands-on');
    assert.equal(defaultDataDirectory({}, 'win32', 'C:\\Users\\ada'), 'C:\\Users\\ada\\AppData\\Roaming\\Code\\User\\globalStorage\\hands-on-dev.hands-on');
  });

  it('VSCODE_APPDATA and portable mode win, as in VS Code', () => {
    assert.equal(defaultDataDirectory({ VSCODE_APPDATA: '/data' }, 'linux', '/home/ada'), '/data/Code/User/globalStorage/hands-on-dev.hands-on');
    assert.equal(defaultDataDirectory({ VSCODE_PORTABLE: '/usb/code' }, 'linux', '/home/ada'), '/usb/code/user-data/User/globalStorage/hands-on-dev.hands-on');
  });
});
