"""Errors a person can act on. Their message is one Chinese sentence naming the problem."""


class PbdocsError(Exception):
    """Base of every error pbdocs reports to a person (CLI exit code 1)."""

    exit_code = 1


class InputError(PbdocsError):
    """Bad usage or bad input: unreadable, empty, binary, corrupt or unsupported file (exit 2)."""

    exit_code = 2


def os_reason(e: OSError) -> str:
    """What an operating-system error means, in a few Chinese words (no English strerror)."""
    import errno

    reasons = {
        errno.ENOSPC: "磁盘空间不足", errno.EDQUOT: "磁盘配额已用完",
        errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.EROFS: "所在磁盘是只读的",
        errno.ENOENT: "文件或文件夹不存在", errno.ENOTDIR: "路径中有一段不是文件夹",
        errno.EISDIR: "这是一个文件夹", errno.ELOOP: "是循环的符号链接",
        errno.ENAMETOOLONG: "文件名太长", errno.EMFILE: "同时打开的文件太多",
        errno.EIO: "磁盘读写出错", errno.EBUSY: "文件正被占用",
    }
    return reasons.get(e.errno, "读写失败")
