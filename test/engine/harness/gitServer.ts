/**
 * A git server on this machine for `pulumi package add <git URL>`: Pulumi takes only https git
 * URLs, so this serves git's smart HTTP protocol (git's own `git http-backend`, as a CGI program)
 * over TLS on localhost, with a certificate made for the run that the CLI is told to trust
 * (SSL_CERT_FILE, which Go's TLS reads; GIT_SSL_CAINFO for the git command). The repository is a
 * bare clone of this checkout's committed HEAD, as a user's git URL gives what was pushed.
 */
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as https from "https";
import * as path from "path";

/** A running server: the repository's https URL, the commit it serves, what the CLI needs to trust it, and `close`. */
export interface GitServer {
  /** `https://localhost/<owner>/<name>.git` (port 443, see below). */
  url: string;
  /** The commit HEAD names. */
  commit: string;
  /** SSL_CERT_FILE and GIT_SSL_CAINFO: the run's certificate. */
  env: Record<string, string>;
  /** Requests served, e.g. `GET /x.git/info/refs?service=git-upload-pack 200`. */
  log: string[];
  close(): Promise<void>;
}

/**
 * Serves a bare clone of `checkout`'s HEAD as `<owner>/<name>.git`, from `dir`. An owner as on a
 * git host: the CLI names a git plugin's schema namespace after the URL's first folder.
 */
export async function startGitServer(
  checkout: string,
  dir: string,
  repo: { owner: string; name: string },
): Promise<GitServer> {
  const repos = path.join(dir, "repos");
  const name = `${repo.owner}/${repo.name}`;
  fs.mkdirSync(path.join(repos, repo.owner), { recursive: true });
  execFileSync("git", ["clone", "--quiet", "--bare", checkout, path.join(repos, `${name}.git`)]);
  const commit = execFileSync("git", ["-C", path.join(repos, `${name}.git`), "rev-parse", "HEAD"], {
    encoding: "utf8",
  }).trim();
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1"],
      ...["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
    ],
    { stdio: "ignore" },
  );
  const backend = path.join(
    execFileSync("git", ["--exec-path"], { encoding: "utf8" }).trim(),
    "git-http-backend",
  );
  const log: string[] = [];
  const server = https.createServer(
    { key: fs.readFileSync(key), cert: fs.readFileSync(cert) },
    (req, res) => {
      const url = new URL(req.url ?? "/", "https://localhost");
      const cgi = spawn(backend, [], {
        env: {
          PATH: process.env.PATH,
          GIT_PROJECT_ROOT: repos,
          GIT_HTTP_EXPORT_ALL: "1",
          REQUEST_METHOD: req.method ?? "GET",
          PATH_INFO: decodeURIComponent(url.pathname),
          QUERY_STRING: url.search.replace(/^\?/, ""),
          CONTENT_TYPE: req.headers["content-type"] ?? "",
          REMOTE_ADDR: "127.0.0.1",
          ...(req.headers["content-encoding"]
            ? { HTTP_CONTENT_ENCODING: req.headers["content-encoding"] }
            : {}),
          ...(req.headers["git-protocol"] ? { GIT_PROTOCOL: String(req.headers["git-protocol"]) } : {}),
        },
      });
      req.pipe(cgi.stdin);
      let head = Buffer.alloc(0);
      let started = false;
      cgi.stdout.on("data", (chunk: Buffer) => {
        if (started) return void res.write(chunk);
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf("\r\n\r\n");
        if (end < 0) return;
        started = true;
        let status = 200;
        for (const line of head.subarray(0, end).toString("latin1").split("\r\n")) {
          const at = line.indexOf(":");
          const [k, v] = [line.slice(0, at).trim(), line.slice(at + 1).trim()];
          if (k.toLowerCase() === "status") status = Number(v.split(" ")[0]);
          else res.setHeader(k, v);
        }
        res.statusCode = status;
        log.push(`${req.method} ${req.url} ${status}`);
        res.write(head.subarray(end + 4));
      });
      cgi.on("close", () => res.end());
      cgi.on("error", (e) => {
        res.statusCode = 500;
        res.end(String(e));
      });
    },
  );
  // Port 443, so the URL names no port: the CLI records a git plugin's source without its scheme
  // and reads it back as a URL, which `localhost:<port>/...` is not (url.Parse: "first path
  // segment in URL cannot contain colon"; `pulumi package add` then crashes on a nil file info).
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e) =>
      reject(new Error(`the git server cannot listen on 127.0.0.1:443 (${e.message})`)),
    );
    server.listen(443, "127.0.0.1", resolve);
  });
  return {
    url: `https://localhost/${name}.git`,
    commit,
    env: { SSL_CERT_FILE: cert, GIT_SSL_CAINFO: cert },
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
