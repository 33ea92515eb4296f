from newsletters.admin import editions, subscribers

__all__ = ["editions", "subscribers"]
