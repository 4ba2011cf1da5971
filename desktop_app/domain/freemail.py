"""Free-mail and Internet-provider domains, which never identify an organization.

Anyone can hold an address at gmail.com or videotron.ca, so such a domain is no evidence of
working for a member organization, even when a member list mentions it. Corporate domains of
the same companies (bell.ca, telus.com, cogeco.com, rogers.ca...) are deliberately absent: their
employees can be members like anyone else.
"""

from __future__ import annotations

FREE_MAIL_DOMAINS: frozenset[str] = frozenset(
    {
        # Global webmail
        "gmail.com", "googlemail.com",
        "outlook.com", "outlook.fr", "hotmail.com", "hotmail.ca", "hotmail.fr", "hotmail.co.uk",
        "live.com", "live.ca", "live.fr", "msn.com", "passport.com", "windowslive.com",
        "yahoo.com", "yahoo.ca", "yahoo.fr", "yahoo.co.uk", "ymail.com", "rocketmail.com",
        "icloud.com", "me.com", "mac.com",
        "aol.com", "aim.com", "verizon.net", "att.net", "comcast.net",
        "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
        "tutanota.com", "tutanota.de", "tuta.io", "tuta.com",
        "gmx.com", "gmx.net", "gmx.de", "gmx.fr", "web.de", "mail.com", "email.com",
        "zoho.com", "zohomail.com", "fastmail.com", "fastmail.fm", "hey.com", "hushmail.com",
        "yandex.com", "yandex.ru", "ya.ru", "mail.ru", "inbox.ru", "list.ru", "bk.ru",
        "qq.com", "163.com", "126.com", "sina.com", "naver.com", "daum.net",
        "laposte.net", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr", "bbox.fr",
        # Canadian Internet and telephone providers (residential addresses)
        "videotron.ca", "videotron.qc.ca", "sympatico.ca", "bell.net", "bellnet.ca",
        "rogers.com", "shaw.ca", "telus.net", "cogeco.ca", "cgocable.ca", "globetrotter.net",
        "eastlink.ca", "sasktel.net", "mts.net", "xplornet.com", "xplornet.ca", "tbaytel.net",
        "teksavvy.com", "distributel.ca", "ebox.ca", "primus.ca", "execulink.com", "nbnet.nb.ca",
        "derytele.com", "oricom.ca", "b2b2c.ca", "axion.ca",
    }
)  # fmt: skip


def is_free_mail(domain: str | None) -> bool:
    """Tell whether ``domain`` (or a parent of it, e.g. "mail.yahoo.ca") is a free-mail domain.

    ``domain`` should already be normalised (lower case, no trailing dot); a None or empty
    domain is not free mail.
    """
    if not domain:
        return False
    labels = domain.split(".")
    return any(".".join(labels[i:]) in FREE_MAIL_DOMAINS for i in range(len(labels) - 1))
