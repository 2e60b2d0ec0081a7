// The one WSDL both the simulator and the client use (wsdl/infosoft.wsdl at the top of the repo).
import { readFile } from 'node:fs/promises';

/** Installation-specific in real life; the simulator serves the service here. */
export const SERVICE_PATH = '/infosoft/CustomerService.asmx';

// src/simulators/infosoft and dist/simulators/infosoft are equally deep, so this works from both.
const WSDL_FILE = new URL('../../../wsdl/infosoft.wsdl', import.meta.url);

export async function readInfosoftWsdl(): Promise<string> {
  return readFile(WSDL_FILE, 'utf8');
}

/** The WSDL as served: its soap:address points at the running endpoint, so generic tools work too. */
export function setServiceLocation(wsdl: string, url: string): string {
  return wsdl.replace(/(<soap:address\s+location=")[^"]*(")/, `$1${url}$2`);
}
