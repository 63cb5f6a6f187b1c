/**
 * The mailbox password: from an environment variable, else from the OS keyring — never from a
 * file (issue #17). Keyrings are reached through their own command-line programs, so nothing
 * native is installed with kpd: `secret-tool` (Linux, libsecret), `security` (macOS) and, on
 * Windows, a generic credential of the Credential Manager read through PowerShell.
 */
import { execFile } from 'node:child_process';
import { issue } from '../../core/issues/issue.js';
import type { ServerSettings } from './config.js';
import { MailError } from './errors.js';

/** The keyring entry's name: the same on every system. */
const KEYRING_SERVICE = 'kpd-mail';

interface KeyringQuery {
  readonly program: string;
  readonly args: readonly string[];
  /** How the clerk stores the password there (said when none is found). */
  readonly store: string;
}

/** How to look a password up on this platform. */
export function keyringQuery(s: ServerSettings, platform: NodeJS.Platform = process.platform): KeyringQuery {
  if (platform === 'win32') {
    const target = `${KEYRING_SERVICE}:${s.user}@${s.host}`;
    return {
      program: 'powershell.exe',
      args: windowsArgs(target),
      store: `cmdkey /generic:${target} /user:${s.user} /pass`,
    };
  }
  if (platform === 'darwin')
    return {
      program: 'security',
      args: ['find-generic-password', '-s', `${KEYRING_SERVICE}:${s.host}`, '-a', s.user, '-w'],
      store: `security add-generic-password -s ${KEYRING_SERVICE}:${s.host} -a ${s.user} -w`,
    };
  return {
    program: 'secret-tool',
    args: ['lookup', 'service', KEYRING_SERVICE, 'user', s.user, 'server', s.host],
    store: `secret-tool store --label=kpd service ${KEYRING_SERVICE} user ${s.user} server ${s.host}`,
  };
}

/** CredReadW through PowerShell: no module to install, the blob is the UTF-16 password cmdkey stored. */
function windowsArgs(target: string): string[] {
  const script = `
$sig = @'
[DllImport("advapi32.dll", SetLastError=true, CharSet=CharSet.Unicode)]
public static extern bool CredRead(string target, int type, int flags, out IntPtr cred);
[DllImport("advapi32.dll")] public static extern void CredFree(IntPtr cred);
[StructLayout(LayoutKind.Sequential, CharSet=CharSet.Unicode)]
public struct CREDENTIAL { public int Flags; public int Type; public string TargetName; public string Comment;
  public long LastWritten; public int CredentialBlobSize; public IntPtr CredentialBlob; public int Persist;
  public int AttributeCount; public IntPtr Attributes; public string TargetAlias; public string UserName; }
'@
Add-Type -MemberDefinition $sig -Namespace Kpd -Name Cred
$p = [IntPtr]::Zero
if (-not [Kpd.Cred]::CredRead('${target.replace(/'/gu, "''")}', 1, 0, [ref]$p)) { exit 1 }
$c = [Runtime.InteropServices.Marshal]::PtrToStructure($p, [type][Kpd.Cred+CREDENTIAL])
[Console]::Out.Write([Runtime.InteropServices.Marshal]::PtrToStringUni($c.CredentialBlob, $c.CredentialBlobSize / 2))
[Kpd.Cred]::CredFree($p)`;
  const encoded = Buffer.from(script, 'utf16le').toString('base64');
  return ['-NoProfile', '-NonInteractive', '-EncodedCommand', encoded];
}

function run(program: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(program, [...args], { timeout: 15_000, windowsHide: true }, (err, stdout) => {
      resolve(err ? undefined : stdout.replace(/\r?\n$/u, ''));
    });
  });
}

/** The password of a server, or a MailError saying where to put it. */
export async function serverPassword(
  s: ServerSettings,
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): Promise<string> {
  const fromEnv = env[s.passwordEnv];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const q = keyringQuery(s, platform);
  if (s.keyring) {
    const found = await run(q.program, q.args);
    if (found !== undefined && found !== '') return found;
  }
  throw new MailError(
    issue('mail.noPassword', {}, { user: s.user, host: s.host, env: s.passwordEnv, keyring: q.store }),
  );
}
